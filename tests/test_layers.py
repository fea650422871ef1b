"""The package's shape, as ARCHITECTURE.md draws it: rooms in layers, imports only
downwards or within a room, no loops, small modules. Read from the source with `ast`."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jiedu"
ARCHITECTURE = PACKAGE.parent / "ARCHITECTURE.md"

# Lowest first. A module may import from its own room and from rooms listed before it.
LAYERS = (
    ("base", {"jiedu", "jiedu.model", "jiedu.errors", "jiedu.syllables", "jiedu.text", "jiedu.bootstrap"}),
    ("files", {"jiedu.files"}),
    ("engines", {"jiedu.engines"}),
    ("reading", {"jiedu.reading"}),
    ("lexicon", {"jiedu.lexicon"}),
    ("stages", {"jiedu.stages"}),
    ("output", {"jiedu.output"}),
    ("assembly", {"jiedu.pipeline", "jiedu.resources", "jiedu.content"}),
    ("incremental", {"jiedu.incremental"}),
    ("builder", {"jiedu.builder"}),
    ("authoring", {"jiedu.authoring"}),
    ("cli", {"jiedu.cli", "jiedu.__main__"}),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, name: str) -> set[str]:
    """jiedu modules this file imports, anywhere in it (function-local imports too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            if base.split(".")[0] == "jiedu":
                found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base
                          for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "jiedu"}
    return found - {name}


def room_of(name: str) -> tuple[int, str]:
    for level, (room, members) in enumerate(LAYERS):
        if name in members or any(name.startswith(member + ".") for member in members if member != "jiedu"):
            return level, room
    raise AssertionError(f"{name} is in no room of ARCHITECTURE.md: add it to a layer")


def graph() -> dict[str, set[str]]:
    return {name: imported(path, name) for name, path in modules().items()}


def test_every_module_has_a_room():
    for name in modules():
        room_of(name)


def test_imports_go_down_or_stay_in_the_room():
    upward = [f"{name} ({room_of(name)[1]}) imports {target} ({room_of(target)[1]})"
              for name, targets in graph().items() for target in sorted(targets)
              if room_of(target)[0] > room_of(name)[0]
              or (room_of(target)[0] == room_of(name)[0] and room_of(target)[1] != room_of(name)[1])]
    assert upward == []


def test_no_import_loops():
    edges, loops, state = graph(), [], {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(edges.get(name, ())):
            if state.get(target) == "open":
                loops.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert loops == []


def test_the_top_level_stays_small():
    top = [path.name for path in PACKAGE.glob("*.py")]
    assert len(top) <= 15, sorted(top)


@pytest.mark.parametrize("name", sorted(modules()))
def test_modules_stay_under_200_lines(name):
    assert len(modules()[name].read_text(encoding="utf-8").splitlines()) <= 200


def test_architecture_names_every_room_in_this_order():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    positions = [text.find(f"`{room}`") for room, _ in LAYERS]
    assert -1 not in positions and positions == sorted(positions), "ARCHITECTURE.md lists the layers lowest first"


def test_the_detector_sees_an_upward_import(tmp_path):
    """The checks above must be able to fail: a stage importing the builder is upward."""
    fake = tmp_path / "jiedu" / "stages" / "x.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..builder import build_site\nfrom . import segment\n")
    assert imported(fake, "jiedu.stages.x") >= {"jiedu.builder"}
    assert room_of("jiedu.builder")[0] > room_of("jiedu.stages.x")[0]


def test_an_edit_in_a_subpackage_changes_the_code_key(tmp_path):
    """Cached articles are keyed by jiedu's code: after the move into folders, an edit
    in stages/ or output/ must invalidate them, not only one at the top."""
    from jiedu.engines.usercache import code_key

    import shutil

    copy = tmp_path / "jiedu"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_key(copy)
    assert before == code_key(PACKAGE)
    (copy / "data" / "lexicon").mkdir(exist_ok=True)  # data may have folders of its own
    (copy / "data" / "lexicon" / "x.toml").write_text("", encoding="utf-8")
    before = code_key(copy)
    for module in ("stages/segment.py", "output/render.py", "lexicon/dictionary.py", "data/lexicon/x.toml"):
        path = copy / module
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert code_key(copy) != before, module
        before = code_key(copy)
