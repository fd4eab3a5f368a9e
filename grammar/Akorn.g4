/*
 * The .akorn model language. Parsing is deliberately permissive and uniform (stages are
 * "kind name? = chain;" or "kind name? { property = value; ... }"): which kinds, properties
 * and values exist is decided by the linker, so a misspelt word gets a precise diagnostic
 * instead of a syntax error. See docs/language.md.
 */
grammar Akorn;

file : packageDecl? importDecl* definition* EOF ;

packageDecl : 'package' qualifiedName ';' ;
qualifiedName : ID ('.' ID)* ;
importDecl : 'import' STRING ';' ;

definition
  : 'model' ID '{' statement* '}'   # modelDef
  | 'block' ID '{' statement* '}'   # blockDef
  ;

statement
  : 'param' ID ':' typeRef '=' expr ';'                  # paramStmt
  | 'input' ID ':' ID shape ('in' expr '..' expr)? ';'  # inputStmt
  | 'output' ID ('=' expr)? ';'                          # outputStmt
  | 'repeat' expr 'as' ID '{' statement* '}'             # repeatStmt
  | 'if' expr '{' statement* '}'                         # ifStmt
  | 'use' ID ';'                                         # useStmt
  | 'let' ID '=' expr ';'                                # letStmt
  | kind=ID name=ID? '=' expr ('->' expr)* ';'           # stageStmt
  | kind=ID name=ID? '{' property* '}'                   # stageBlock
  ;

typeRef : ID (brackets='[' ']')? ;
shape : '[' expr (',' expr)* ']' ;
property : ID '=' expr ';' ;

expr
  : expr '[' expr ']'                              # indexExpr
  | '-' expr                                       # negExpr
  | <assoc=right> expr '^' expr                    # powExpr
  | expr op=('*' | '/' | '%') expr                 # mulExpr
  | expr op=('+' | '-') expr                       # addExpr
  | expr op=('<' | '<=' | '>' | '>=' | '==' | '!=') expr # cmpExpr
  | ID '(' (arg (',' arg)*)? ')'                   # callExpr
  | '[' (expr (',' expr)*)? ']'                    # listExpr
  | '(' expr ')'                                   # parenExpr
  | INT                                            # intExpr
  | FLOAT                                          # floatExpr
  | STRING                                         # stringExpr
  | ID                                             # refExpr
  ;

arg : (ID '=')? expr ;

INT : [0-9]+ ;
FLOAT : [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? | [0-9]+ [eE] [+-]? [0-9]+ ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
DOC_COMMENT : '/**' .*? '*/' -> channel(2) ;
// Comments stay in the token stream (hidden from the parser) so that the formatter keeps them.
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n]+ -> skip ;
UNTERMINATED_COMMENT : '/*' ( ~[*] | '*'+ ~[*/] )* '*'* EOF ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;
ERROR_CHAR : . ;
