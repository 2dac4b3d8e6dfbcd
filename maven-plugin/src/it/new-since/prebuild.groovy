// A Git repository whose last commit has one known error (AL903); the working tree then adds another (AL905).
def git(String... args) {
  def command = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false'] + args.toList()
  def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.text
  assert p.waitFor() == 0 : out
}
git('init', '-q')
git('add', 'manifests')
git('commit', '-q', '-m', 'base: one known error')
new File(basedir, 'manifests/settings.yaml').text = '''apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
  labels: {tier: a, tier: b}
'''
return true
