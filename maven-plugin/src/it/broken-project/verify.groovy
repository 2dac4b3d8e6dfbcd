// A broken project fails the build: each finding is logged as a Maven error with its file and line, and the
// failure says how many findings there are and where the SARIF report is.
def log = new File(basedir, 'build.log').text
def manifests = new File(basedir, 'manifests').canonicalPath
assert log.contains("[ERROR] ${manifests}/shop.yaml:11:9: AL903 Service shop/cart is defined again here")
assert log.contains("[ERROR] ${manifests}/settings.yaml:6:21: AL905 ")
def sarif = new File(basedir, 'target/ambient-lint.sarif')
assert log.contains("ambient-lint: 2 findings at or above error (2 errors, 0 warnings, 0 notes); "
    + "see the build output above or the SARIF report ${sarif.canonicalPath}")
assert log.contains('BUILD FAILURE')
assert sarif.isFile()
assert sarif.text.contains('"ruleId" : "AL903"')
assert sarif.text.contains('"uri" : "manifests/shop.yaml"')
