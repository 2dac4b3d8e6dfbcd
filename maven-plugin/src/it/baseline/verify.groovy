// A baseline accepts the project's known finding: the build passes, the finding is logged nowhere as an
// error, SARIF keeps it with an external suppression, and the entry nothing matches any more counts as fixed.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]')
assert log.contains('ambient-lint: 0 errors, ')
assert log.contains('1 suppressed; introduced 0, fixed 1, unchanged 1 (compared with baseline ambient-lint-baseline.json)')
// The baseline file itself (JSON in the analyzed folder) is recognised, not reported as a broken manifest.
assert !log.contains('ambient-lint-baseline.json:1')
def sarif = new File(basedir, 'target/ambient-lint.sarif').text
assert sarif.contains('"ruleId" : "AL903"')
assert sarif.contains('"kind" : "external"')
assert sarif.contains('"baselineState" : "unchanged"')
