// In a reactor built with -T 2 each module analyzes its own folder and writes its own SARIF; the aggregator
// reads only the files that belong to no module, so nothing is reported twice. The goal is thread-safe.
def log = new File(basedir, 'build.log').text
assert !log.contains('not marked as @threadSafe') && !log.contains('not thread-safe')
def ledger = new File(basedir, 'payments/deploy/ledger.yaml').canonicalPath
assert log.count("[ERROR] ${ledger}:21:9: AL903 ") == 1
assert log.contains('BUILD SUCCESS')
def rootSarif = new File(basedir, 'target/ambient-lint.sarif')
assert log.contains("ambient-lint: 0 errors, 0 warnings, 0 notes in 1 file (1 resource); SARIF report: ${rootSarif.canonicalPath}")
def root = rootSarif.text
assert !root.contains('ledger.yaml') && !root.contains('shop.yaml')
// Relative to the repository root, not to the module: code scanning places the alert on the right file.
assert new File(basedir, 'payments/target/ambient-lint.sarif').text.contains('"uri" : "payments/deploy/ledger.yaml"')
assert new File(basedir, 'shop/target/ambient-lint.sarif').text.contains('"results" : [ ]')
