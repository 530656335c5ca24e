// The YAML subset a rule document is written in: block mappings by indentation, flow mappings,
// plain and quoted scalars, comments. Indentation becomes INDENT/DEDENT tokens in
// io.scoreline.mappings.yaml.IndentingTokenSource, not here, so this lexer stays context-free.
lexer grammar RuleDocumentLexer;

tokens { INDENT, DEDENT }

DOC_START : '---' ;
NEWLINE   : ( '\r'? '\n' | '\r' ) [ \t]* ;
WS        : [ \t]+ -> skip ;
COMMENT   : '#' ~[\r\n]* -> skip ;
LBRACE    : '{' -> pushMode(FLOW) ;
COLON     : ':' ;
DQ        : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;
SQ        : '\'' ( ~['\r\n] | '\'\'' )* '\'' ;
PLAIN     : PLAIN_START ( PLAIN_CHAR | [ \t]+ PLAIN_AFTER_SPACE )* ;
ERROR_CHAR : . ;

fragment PLAIN_START       : ~[-?:,[\]{}#&*!|>'"%@` \t\r\n] | [-?:] ~[ \t\r\n] ;
fragment PLAIN_CHAR        : ~[ \t\r\n:] | ':' ~[ \t\r\n] ;
fragment PLAIN_AFTER_SPACE : ~[ \t\r\n:#] | ':' ~[ \t\r\n] ;

mode FLOW;
F_NEWLINE : ( '\r'? '\n' | '\r' ) -> skip ;
F_WS      : [ \t]+ -> skip ;
F_COMMENT : '#' ~[\r\n]* -> skip ;
F_LBRACE  : '{' -> type(LBRACE), pushMode(FLOW) ;
RBRACE    : '}' -> popMode ;
COMMA     : ',' ;
F_COLON   : ':' -> type(COLON) ;
F_DQ      : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' -> type(DQ) ;
F_SQ      : '\'' ( ~['\r\n] | '\'\'' )* '\'' -> type(SQ) ;
F_PLAIN   : F_PLAIN_START ( F_PLAIN_CHAR | [ \t]+ F_PLAIN_AFTER_SPACE )* -> type(PLAIN) ;
F_ERROR   : . -> type(ERROR_CHAR) ;

fragment F_PLAIN_START       : ~[-?:,[\]{}#&*!|>'"%@` \t\r\n] | [-?:] ~[ \t\r\n,[\]{}] ;
fragment F_PLAIN_CHAR        : ~[ \t\r\n:,[\]{}] | ':' ~[ \t\r\n,[\]{}] ;
fragment F_PLAIN_AFTER_SPACE : ~[ \t\r\n:#,[\]{}] | ':' ~[ \t\r\n,[\]{}] ;
