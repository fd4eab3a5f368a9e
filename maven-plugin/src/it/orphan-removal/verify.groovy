def out = new File(basedir, 'target/generated-sources/akorn/org/akorn/it')
assert !new File(out, 'Alpha.java').exists() : 'the renamed model left its old source behind'
assert !new File(out, 'Beta.java').exists() : 'the deleted model left its source behind'
assert new File(out, 'Omega.java').isFile()
assert out.list().toList() == ['Omega.java']
assert new File(basedir, 'target/akorn/generate.manifest').text == 'org/akorn/it/Omega.java\n'
def log = new File(basedir, 'build.log').text
assert log.contains('akorn: 1 .akorn file(s): 1 written, 0 unchanged, 2 deleted in ')
return true
