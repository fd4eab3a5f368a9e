// Builds 2, 3 and 4 changed nothing: every generated file and state file keeps the rewound timestamp.
import java.time.LocalDateTime
import java.time.ZoneId

def rewound = LocalDateTime.of(2001, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()
def generated = new File(basedir, 'target/generated-sources/akorn/org/akorn/it/Klayer.java')
assert generated.isFile()
assert generated.text.contains('class Klayer')
[generated,
 new File(basedir, 'target/akorn/generate.manifest'),
 new File(basedir, 'target/akorn/generate.fingerprint')].each {
  assert it.lastModified() == rewound : "${it} was written again"
}
assert new File(basedir, 'target/akorn/generate.manifest').text == 'org/akorn/it/Klayer.java\n'

def log = new File(basedir, 'build.log').text
assert log.contains('akorn: 1 .akorn file(s) unchanged, nothing to generate')
assert log.contains('akorn: 1 .akorn file(s): 0 written, 1 unchanged, 0 deleted in ')
assert log.contains('[INFO] akorn: skipped')
assert new File(basedir, 'target/classes/org/akorn/it/Klayer.class').isFile() : 'a skipped generation still adds the source root'
return true
