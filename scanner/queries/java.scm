; Java: comments (Javadoc included), strings, the package and the declarations.
(line_comment) @comment
(block_comment) @comment
(string_literal) @string
(package_declaration (_) @name) @package
(class_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(annotation_type_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
(field_declaration declarator: (variable_declarator name: (identifier) @name)) @definition.variable
(compact_constructor_declaration name: (identifier) @name) @definition.method
