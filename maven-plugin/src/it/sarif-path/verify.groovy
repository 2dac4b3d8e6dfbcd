// sarifFile puts the report where configured (folders created); failOn none keeps the build green.
def log = new File(basedir, 'build.log').text
def sarif = new File(basedir, 'target/reports/lint/ambient.sarif')
assert sarif.isFile()
assert !new File(basedir, 'target/ambient-lint.sarif').exists()
assert sarif.text.contains('"ruleId" : "AL903"')
assert sarif.text.contains('"uriBaseId" : "%SRCROOT%"')
assert !sarif.text.contains(basedir.canonicalPath)
assert log.contains("SARIF report: ${sarif.canonicalPath}")
assert log.contains('BUILD SUCCESS')
