"""The plugin host: loads entry points one by one, so a broken plugin is reported, not fatal."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points

import pluggy

from tenderlint.plugin import hookspecs

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
        except Exception as exc:  # a third-party plugin may fail in any way; report it and go on
            warnings.append(f"plugin '{entry.name}' ({entry.value}) failed to load: {exc}")
    if not any(plugin.__name__ == BUILTIN for plugin in manager.get_plugins() if hasattr(plugin, "__name__")):
        # Running from a source tree that was never installed: no entry points exist yet.
        manager.register(import_module(BUILTIN), name="builtin")
    return manager, tuple(warnings)
