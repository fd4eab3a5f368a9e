// The generated sources are where the user expects them, and the project's own tests ran them.
def main = new File(basedir, 'target/generated-sources/akorn/org/akorn/examples/Sudoku4.java')
def test = new File(basedir, 'target/generated-test-sources/akorn/org/akorn/golden/KlayerConvGnGlobalOmega.java')
assert main.isFile()
assert test.isFile()
assert new File(basedir, 'target/classes/org/akorn/examples/Sudoku4.class').isFile()
assert new File(basedir, 'target/test-classes/org/akorn/golden/KlayerConvGnGlobalOmega.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
return true
