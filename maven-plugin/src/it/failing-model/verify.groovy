// Both errors are printed as file:line:col: error[CODE]: message with the source line and a caret,
// and the build fails once, with the count.
def file = new File(basedir, 'src/main/akorn/broken.akorn').canonicalPath
def log = new File(basedir, 'build.log').text

assert log.contains("[ERROR] ${file}:17:13: error[E208]: steps must be at least 1, but is 0\n        steps = 0;\n                ^\n")
assert log.contains("[ERROR] ${file}:18:13: error[E209]: gamma must be greater than 0, but is -1.0\n        gamma = -1.0;\n                ^\n")
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert failures.size() == 1 : 'the build fails once'
assert failures[0].endsWith('on project failing-model: akorn: 2 errors in model files -> [Help 1]')
assert log.count('error[E208]') == 1 : 'no diagnostic is printed twice'
assert !new File(basedir, 'target/generated-sources/akorn').list()?.length : 'nothing is generated from a broken model'
return true
