parser grammar RuleDocumentParser;

options { tokenVocab = RuleDocumentLexer; }

document     : ( DOC_START NEWLINE )? blockMapping? EOF ;
blockMapping : pair+ ;
pair         : key COLON ( flowValue NEWLINE | NEWLINE ( INDENT blockMapping DEDENT )? ) ;
key          : scalar ;
flowValue    : scalar | flowMapping ;
scalar       : PLAIN | DQ | SQ ;
flowMapping  : LBRACE ( flowPair ( COMMA flowPair )* COMMA? )? RBRACE ;
flowPair     : key COLON flowValue? ;
