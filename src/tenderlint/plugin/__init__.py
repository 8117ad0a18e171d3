"""Plugin machinery: hook specifications, the plugin host and the built-in plugin."""
