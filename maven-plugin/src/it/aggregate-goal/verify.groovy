// The aggregate goal analyzes the reactor once: the waypoint edge-waypoint (mesh) and its user (apps) are seen
// together, so neither AL101 nor AL111 is reported for it. rootNamespace makes the Sidecar in mesh-root the
// mesh default (no AL310); waypointClasses makes spare-waypoint a waypoint,
// and an unused one (AL111); both waypoints are of a third-party class (AL107 notes).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def mesh = new File(basedir, 'mesh/deploy/mesh.yaml').canonicalPath
def summaries = log.readLines().findAll { it.contains('ambient-lint: 0 errors') }
assert summaries.size() == 1
assert summaries[0].contains('0 errors, 1 warning, 2 notes in 2 files (8 resources)')
assert log.contains("[WARNING] ${mesh}:42:9: AL111 waypoint Gateway shop/spare-waypoint")
assert !log.contains('AL101') && !log.contains('AL310') && !log.contains('shop/edge-waypoint (class')
