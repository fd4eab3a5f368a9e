grammar Akorn;

file : EOF ;

WS : [ \t\r\n]+ -> skip ;
