import java.time.LocalDateTime
import java.time.ZoneId

def rewound = LocalDateTime.of(2001, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()
def out = new File(basedir, 'target/generated-sources/akorn/org/akorn/it')
def afterEdit = new File(basedir, 'target/after-edit/org/akorn/it')

// Build 2: the edit of the imported block regenerated Tiny (new content) and left Other alone.
def before = new File(basedir, 'target/before/Tiny.java').text
assert new File(afterEdit, 'Tiny.java').lastModified() != rewound : 'Tiny.java was not regenerated after its import changed'
assert new File(afterEdit, 'Tiny.java').text != before
assert new File(afterEdit, 'Other.java').lastModified() == rewound : 'Other.java was rewritten although nothing it reads changed'

// Build 3: -Dakorn.overrides=Other.T=5 regenerated Other only.
assert new File(out, 'Other.java').lastModified() != rewound
assert new File(out, 'Other.java').text != new File(afterEdit, 'Other.java').text
assert new File(out, 'Tiny.java').lastModified() == rewound : 'Tiny.java was rewritten by an override for Other'
assert new File(out, 'Tiny.java').text == new File(afterEdit, 'Tiny.java').text
// common/readouts.akorn is excluded from the roots but recorded as an input of Tiny.
def fingerprint = new File(basedir, 'target/akorn/generate.fingerprint').readLines()
assert fingerprint.findAll { it.startsWith('input ') }.collect { new File(it.substring(6)).name }.sort() ==
    ['other.akorn', 'readouts.akorn', 'tiny.akorn']
def log = new File(basedir, 'build.log').text
assert log.contains('akorn: 2 .akorn file(s): 2 written, 0 unchanged, 0 deleted in ')
return true
