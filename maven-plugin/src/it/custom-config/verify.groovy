// The config file turns AL903 into a warning (logged as a Maven warning, not failing), and the excluded folder
// with an invalid file is not read.
def log = new File(basedir, 'build.log').text
def manifests = new File(basedir, 'manifests').canonicalPath
assert log.contains("[WARNING] ${manifests}/shop.yaml:11:9: AL903 ")
assert log.contains('ambient-lint: 0 errors, 1 warning, 0 notes in 2 files (3 resources)')
assert !log.contains('AL901')
assert !log.contains('generated/broken.yaml')
assert log.contains('BUILD SUCCESS')
