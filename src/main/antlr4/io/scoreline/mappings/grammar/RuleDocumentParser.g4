parser grammar RuleDocumentParser;

options { tokenVocab = RuleDocumentLexer; }

document     : ( DOC_START NEWLINE )? blockMapping? EOF ;
blockMapping : pair+ ;
pair         : key COLON ( flowValue NEWLINE continuation? | NEWLINE ( INDENT blockMapping DEDENT )? ) ;
// A plain value continued on more-indented lines (folded with spaces, as YAML does).
continuation : INDENT ( scalar NEWLINE | continuation )+ DEDENT ;
key          : scalar ;
flowValue    : scalar | flowMapping ;
scalar       : PLAIN | DQ | SQ ;
flowMapping  : LBRACE ( flowPair ( COMMA flowPair )* COMMA? )? RBRACE ;
flowPair     : key COLON flowValue? ;
