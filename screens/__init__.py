"""The Textual user interface of Loket: thin screens over `counter` and `store`."""
