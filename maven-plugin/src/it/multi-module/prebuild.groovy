// The project is the root of its own Git work tree, as a checked-out repository is: SARIF URIs are relative to it.
def p = new ProcessBuilder('git', 'init', '-q').directory(basedir).redirectErrorStream(true).start()
def out = p.inputStream.text
assert p.waitFor() == 0 : out
return true
