// The expression language of `when`, `value`, `owner` and `date` (DESIGN §6): SOQL-like
// conditions plus arithmetic for values. Keywords are case-insensitive, as in SOQL.
grammar RuleExpression;

condition       : orCondition EOF ;
valueExpression : sum EOF ;
fieldOnly       : fieldPath EOF ;

orCondition  : andCondition ( OR andCondition )* ;
andCondition : notCondition ( AND notCondition )* ;
notCondition : NOT notCondition | predicate ;

predicate
    : LPAREN orCondition RPAREN                              # groupPredicate
    | sum comparator sum                                     # comparePredicate
    | sum NOT? IN LPAREN inItem ( COMMA inItem )* RPAREN     # inPredicate
    | sum NOT? LIKE STRING                                   # likePredicate
    | sum IS NOT? NULL                                       # nullPredicate
    | sum                                                    # barePredicate
    ;

inItem     : literal | IDENT ;
sum        : product ( op=( PLUS | MINUS ) product )* ;
product    : unary ( op=( STAR | SLASH ) unary )* ;
unary      : MINUS unary | atom ;
atom       : literal | functionCall | fieldPath | LPAREN sum RPAREN ;
functionCall : IDENT LPAREN ( sum ( COMMA sum )* )? RPAREN ;
fieldPath  : IDENT ( DOT IDENT )* ;
literal    : STRING | MINUS? NUMBER | TRUE | FALSE | NULL | DATE | DATETIME ;
comparator : EQ | NEQ | LTE | GTE | LT | GT ;

AND   : A N D_ ;
OR    : O R ;
NOT   : N O T ;
IN    : I N ;
LIKE  : L I K E ;
IS    : I S ;
NULL  : N U L L ;
TRUE  : T R U E ;
FALSE : F A L S E ;

DATETIME : DATE [Tt] D D ':' D D ( ':' D D ( '.' D+ )? )? ( [Zz] | [+-] D D ':'? D D ) ;
DATE     : D D D D '-' D D '-' D D ;
NUMBER   : D+ ( '.' D+ )? | '.' D+ ;
STRING   : '\'' ( ~['\\\r\n] | '\\' ~[\r\n] )* '\'' ;
IDENT    : [a-zA-Z_] [a-zA-Z0-9_]* ;

EQ     : '=' ;
NEQ    : '!=' | '<>' ;
LTE    : '<=' ;
GTE    : '>=' ;
LT     : '<' ;
GT     : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
DOT    : '.' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;
WS     : [ \t\r\n]+ -> skip ;
ERROR_CHAR : . ;

fragment D : [0-9] ;
fragment A : [aA] ; fragment D_ : [dD] ; fragment E : [eE] ; fragment F : [fF] ;
fragment I : [iI] ; fragment K : [kK] ; fragment L : [lL] ; fragment N : [nN] ;
fragment O : [oO] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ;
