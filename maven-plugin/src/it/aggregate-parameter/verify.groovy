// aggregate=true: the root analyzes the whole reactor once, so the waypoint in mesh and its user in apps are
// seen together (analyzed alone, apps would fail on AL101 waypoint-not-found and mesh warn AL111
// waypoint-unused); the modules skip the goal. Default inputs leave out .github, target and a Java module's
// src/main/resources; a YAML file that is no Kubernetes object is counted, not logged as a warning.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('AL101') && !log.contains('AL111')
assert log.count('ambient-lint: skipped in this module; with aggregate the execution root ') == 2
def sarif = new File(basedir, 'target/ambient-lint.sarif')
def summaries = log.readLines().findAll { it.contains('ambient-lint: 0 errors') }
assert summaries.size() == 1
assert summaries[0].contains('0 errors, 0 warnings, 0 notes in 3 files (5 resources)')
assert summaries[0].contains('; not Kubernetes objects, not analyzed: 1 document (-X lists them)')
assert !log.contains('settings.yaml')
assert !new File(basedir, 'mesh/target/ambient-lint.sarif').exists()
assert !new File(basedir, 'apps/target/ambient-lint.sarif').exists()
def sarifText = sarif.text
assert sarifText.contains('"id" : "mesh-lint/"')
assert !sarifText.contains('application.yaml') && !sarifText.contains('ci.yml')
assert new File(basedir, 'target/ambient-lint.md').text.startsWith('## ambient-lint')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ambient-lint.json'))
assert json.summary.errors == 0
