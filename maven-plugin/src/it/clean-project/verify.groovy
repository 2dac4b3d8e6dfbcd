// A clean project passes, says so, and still writes the SARIF report at the default path.
def log = new File(basedir, 'build.log').text
assert log.contains('ambient-lint: 0 errors, 0 warnings, 0 notes in 1 file (2 resources)')
assert log.contains('BUILD SUCCESS')
def sarif = new File(basedir, 'target/ambient-lint.sarif')
assert sarif.isFile()
assert sarif.text.contains('"version" : "2.1.0"')
assert sarif.text.contains('"results" : [ ]')
