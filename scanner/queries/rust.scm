; Rust: comments (`///` and `//!` docs included), strings, modules, types, impls and functions.
(line_comment) @comment
(block_comment) @comment
(string_literal) @string
(raw_string_literal) @string
(mod_item name: (identifier) @name) @definition.namespace
(struct_item name: (type_identifier) @name) @definition.struct
(enum_item name: (type_identifier) @name) @definition.enum
(union_item name: (type_identifier) @name) @definition.union
(trait_item name: (type_identifier) @name) @definition.trait
(impl_item type: [(type_identifier) @name (generic_type type: (type_identifier) @name) (scoped_type_identifier name: (type_identifier) @name) (generic_type type: (scoped_type_identifier name: (type_identifier) @name)) (reference_type type: [(type_identifier) @name (generic_type type: (type_identifier) @name)]) (primitive_type) @name]) @definition.impl
(function_item name: (identifier) @name) @definition.function
(function_signature_item name: (identifier) @name) @definition.function
(macro_definition name: (identifier) @name) @definition.macro
(type_item name: (type_identifier) @name) @definition.type
; A module's or an impl's constants and statics own their doc comments (`/// Mean radius, after
; Smith (2000)` above `const RADIUS: f64`); those inside a function body are the function's.
(source_file (const_item name: (identifier) @name) @definition.variable)
(source_file (static_item name: (identifier) @name) @definition.variable)
(declaration_list (const_item name: (identifier) @name) @definition.variable)
(declaration_list (static_item name: (identifier) @name) @definition.variable)
