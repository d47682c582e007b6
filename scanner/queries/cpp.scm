; C++: comments, strings and the definitions that own them (namespaces, classes, functions).
(comment) @comment
(string_literal) @string
(raw_string_literal) @string
(namespace_definition name: (_) @name) @definition.namespace
(class_specifier name: (_) @name body: (_)) @definition.class
(struct_specifier name: (_) @name body: (_)) @definition.struct
(union_specifier name: (_) @name body: (_)) @definition.union
; `template <class T> struct traits;` declares the template its comment documents.
(template_declaration (class_specifier name: (_) @name) @definition.class)
(template_declaration (struct_specifier name: (_) @name) @definition.struct)
(enum_specifier name: (_) @name body: (_)) @definition.enum
(function_definition declarator: (function_declarator declarator: (_) @name)) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(function_definition declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (function_declarator declarator: (_) @name)) @definition.function
(declaration declarator: (function_declarator declarator: (_) @name)) @definition.function
(alias_declaration name: (_) @name) @definition.type
; A data member: the comment directly above it documents it (`// ... as described in <link>` over
; `float patience = 1;`).
(field_declaration declarator: (field_identifier) @name) @definition.variable
(type_definition declarator: (type_identifier) @name) @definition.type
(preproc_function_def name: (identifier) @name) @definition.macro
(declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(declaration declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name))) @definition.function
(field_declaration declarator: (reference_declarator (function_declarator declarator: (_) @name))) @definition.function
