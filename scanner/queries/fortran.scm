; Fortran, free form and fixed form (whose column-one comment lines the `fixed-form` rewrite
; reads as `!` comments): comments (`!`, Doxygen's `!>`/`!!`, FORD's `!!`), strings, program
; units (program, module, submodule, block data), procedures, derived types and interfaces.
; A definition is its whole unit, so a comment inside a subroutine is the subroutine's.
(comment) @comment
(string_literal) @string
(program (program_statement (name) @name)) @definition.module
(module (module_statement (name) @name)) @definition.module
(submodule (submodule_statement (name) @name)) @definition.module
(subroutine (subroutine_statement (name) @name)) @definition.function
(function (function_statement (name) @name)) @definition.function
(module_procedure (module_procedure_statement (name) @name)) @definition.function
(derived_type_definition (derived_type_statement (type_name) @name)) @definition.type
(interface (interface_statement (name) @name)) @definition.interface
(block_data (block_data_statement (name) @name)) @definition.module
