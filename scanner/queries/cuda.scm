; CUDA: the C++ grammar plus kernels; same captures as C++.
(comment) @comment
(string_literal) @string
(raw_string_literal) @string
(namespace_definition name: (_) @name) @definition.namespace
(class_specifier name: (_) @name body: (_)) @definition.class
(struct_specifier name: (_) @name body: (_)) @definition.struct
(union_specifier name: (_) @name body: (_)) @definition.union
(enum_specifier name: (_) @name body: (_)) @definition.enum
(function_definition declarator: (function_declarator declarator: (_) @name)) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(function_definition declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (function_declarator declarator: (_) @name)) @definition.function
(declaration declarator: (function_declarator declarator: (_) @name)) @definition.function
(alias_declaration name: (_) @name) @definition.type
(type_definition declarator: (type_identifier) @name) @definition.type
(preproc_function_def name: (identifier) @name) @definition.macro
(declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(declaration declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
