// Each bad override fails its build once, with a message that names it; nothing is generated.
def file = new File(basedir, 'src/main/akorn/klayer.akorn').canonicalPath
def log = new File(basedir, 'build.log').text

assert log.contains("[ERROR] ${file}:4:7: error[E111]: override for unknown parameter 'TT' of model Klayer\n    model Klayer {\n          ^\n")
assert log.contains("[ERROR] ${file}:5:3: error[E111]: override 'abc' for parameter 'T' is not an int\n      param T: int = 3;\n      ^\n")
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert failures.size() == 3
assert failures[0].endsWith('on project bad-override: akorn: 1 error in model files -> [Help 1]')
assert failures[1].endsWith('on project bad-override: akorn: 1 error in model files -> [Help 1]')
assert failures[2].endsWith('on project bad-override: akorn: override Nope.T=3 names no model (models: Klayer) -> [Help 1]')
assert !(log =~ /(?m)^\s+at [a-z]+\./) : 'bad input must not print a stack trace'
assert !new File(basedir, 'target/generated-sources/akorn').list()?.length
return true
