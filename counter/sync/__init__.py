"""Several desks, one office record: the domain side of syncing with the office server.

The core only declares what it needs (`port`: the server and the desk's replica
store as protocols), decides the order of a case's events on every desk the same
way (`order`), and runs the push/pull cycle (`engine`). The PostgreSQL adapter
lives in `store/sync/`; the TinyDB side in `store/replica.py`.
"""
