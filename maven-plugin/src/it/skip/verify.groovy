// -Dambientlint.skip=true skips the analysis of a project that would otherwise fail.
def log = new File(basedir, 'build.log').text
assert log.contains('ambient-lint: skipped (ambientlint.skip)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/ambient-lint.sarif').exists()
