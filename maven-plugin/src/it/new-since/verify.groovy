// newSince=HEAD: only what the working tree introduces (AL905 in the new file) is logged and fails the build;
// the duplicate Service already in HEAD (AL903) is counted as unchanged.
def log = new File(basedir, 'build.log').text
def manifests = new File(basedir, 'manifests').canonicalPath
assert log.contains("[ERROR] ${manifests}/settings.yaml:6:21: AL905 ")
assert !log.contains(': AL903 ')
assert log.contains('introduced 1, fixed 0, unchanged 1 (compared with HEAD)')
assert log.contains('ambient-lint: 1 finding at or above error')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/ambient-lint.sarif').text.contains('"baselineState" : "unchanged"')
