; MATLAB and Octave: comments (`%`, `%{ ... %}`; Octave's `#` read as `%` by the `octave`
; rewrite), the comment after a `...` continuation, strings, functions (local and nested ones
; too), classdef classes with their methods, properties and events.
(comment) @comment
((line_continuation) @comment (#match? @comment "^[.][.][.][ \t]*[^ \t\r\n]"))
(string) @string
(function_definition name: (identifier) @name) @definition.function
(function_signature name: (identifier) @name) @definition.function
(class_definition name: (identifier) @name) @definition.class
(property name: (identifier) @name) @definition.variable
(events (identifier) @name @definition.variable)
