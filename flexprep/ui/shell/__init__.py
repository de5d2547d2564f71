"""The window around the tabs: menus and commands, dialogs, export, saving, app signals."""
