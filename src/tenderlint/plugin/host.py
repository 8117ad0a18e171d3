"""The plugin host: loads entry points one by one, so a broken plugin is reported, not fatal."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points

import pluggy

from tenderlint.plugin import hookspecs
from tenderlint.yamlload import PackError

GROUP = "tenderlint"
BUILTIN = "tenderlint.plugin.builtin"
DISABLE_AUTOLOAD = "TENDERLINT_DISABLE_PLUGIN_AUTOLOAD"


@lru_cache(maxsize=1)
def plugin_manager() -> tuple[pluggy.PluginManager, tuple[str, ...]]:
    """The process-wide plugin manager and the warnings raised while loading plugins."""
    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    warnings: list[str] = []
    autoload = not os.environ.get(DISABLE_AUTOLOAD)
    for entry in entry_points(group=GROUP):
        if not autoload and entry.value != BUILTIN:
            continue
        try:
            manager.register(entry.load(), name=entry.name)
        except (Exception, SystemExit) as exc:  # a plugin may fail in any way, even sys.exit(): go on
            warnings.append(f"plugin '{entry.name}' ({entry.value}) failed to load: {exc}")
    if not any(plugin.__name__ == BUILTIN for plugin in manager.get_plugins() if hasattr(plugin, "__name__")):
        # Running from a source tree that was never installed: no entry points exist yet.
        manager.register(import_module(BUILTIN), name="builtin")
    return manager, tuple(warnings)


def collect(name: str, kind: type = list) -> list:
    """Every plugin's answer to the hook `name`, in pluggy's order, each checked to be a `kind`.

    Each plugin is called on its own so that one that raises (or calls sys.exit) or answers nonsense
    is named in a PackError (a configuration error: exit code 2), instead of stopping the run with a
    traceback.
    """
    caller = getattr(plugin_manager()[0].hook, name)
    answers = []
    for impl in reversed(caller.get_hookimpls()):  # pluggy calls the last registered first
        try:
            answer = impl.function()
        except (Exception, SystemExit) as exc:
            raise PackError(
                f"plugin '{impl.plugin_name}' failed in {name}: {type(exc).__name__}: {exc}"
            ) from exc
        if answer is None:
            continue
        if not isinstance(answer, kind):
            raise PackError(
                f"plugin '{impl.plugin_name}': {name} must return a {kind.__name__}, not {type(answer).__name__}"
            )
        answers.append(answer)
    return answers
