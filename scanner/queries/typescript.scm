; TypeScript: JavaScript's captures plus interfaces, type aliases, enums and namespaces.
(comment) @comment
(string) @string
(template_string) @string
(class_declaration name: (_) @name) @definition.class
(abstract_class_declaration name: (_) @name) @definition.class
(interface_declaration name: (_) @name) @definition.interface
(type_alias_declaration name: (_) @name) @definition.type
(enum_declaration name: (_) @name) @definition.enum
(internal_module name: (_) @name) @definition.namespace
(function_declaration name: (_) @name) @definition.function
(function_signature name: (_) @name) @definition.function
(generator_function_declaration name: (_) @name) @definition.function
(method_definition name: (_) @name) @definition.method
(method_signature name: (_) @name) @definition.method
(abstract_method_signature name: (_) @name) @definition.method
(variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression) (class)]) @definition.function
(pair key: (_) @name value: [(arrow_function) (function_expression)]) @definition.method
(public_field_definition name: (_) @name value: [(arrow_function) (function_expression)]) @definition.method
(assignment_expression left: (member_expression property: (property_identifier) @name) right: [(arrow_function) (function_expression)]) @definition.function
(variable_declarator name: (identifier) @name value: (object)) @definition.variable
; A function built by a call (`createErf = factory(name, deps, () => { ... })`, CommonJS's
; `exports.createErf = (0, _factory.factory)(...)`): the name owns the comments in the callback.
(variable_declarator name: (identifier) @name value: (call_expression arguments: (arguments [(arrow_function) (function_expression)]))) @definition.function
(assignment_expression left: (member_expression property: (property_identifier) @name) right: (call_expression arguments: (arguments [(arrow_function) (function_expression)]))) @definition.function
; Any other variable of the module (`var jaroWinkler = custom.bind(null, 0)`,
; `const LIMITS = Object.freeze({...})`, `export const TAU = ...`): a comment directly above
; documents it. Not an import (`var x = require('./x')`: a file's opening comment above its
; imports is the module's), nor a local of a function.
(program (variable_declaration (variable_declarator name: (identifier) @name value: (_) @value) @definition.variable) (#not-match? @value "^require\\s*\\("))
(program (lexical_declaration (variable_declarator name: (identifier) @name value: (_) @value) @definition.variable) (#not-match? @value "^require\\s*\\("))
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: (_) @value) @definition.variable)) (#not-match? @value "^require\\s*\\("))
; A declaration file's typed constants (`export declare const dsf: Oscillator;`, no value): the
; JSDoc above documents the constant, as it does a function's signature.
(program (ambient_declaration (lexical_declaration (variable_declarator name: (identifier) @name) @definition.variable)))
(program (export_statement (ambient_declaration (lexical_declaration (variable_declarator name: (identifier) @name) @definition.variable))))
(program (ambient_declaration (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)))
(program (export_statement (ambient_declaration (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable))))
