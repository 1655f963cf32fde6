"""DBMS: five questions. Replace every __ so that each card's assertions pass.

Each card receives `db`, a fresh SQLite database of its own (a sqlite3
connection). Run `pytest --kata -k dbms_concepts` to see which card is next.
"""
import sqlite3

from pytest_kata import __


def card_advantages(db):
    """A failed transaction leaves no trace, and constraints keep bad data out."""
    db.execute(
        "CREATE TABLE account ("
        " name TEXT PRIMARY KEY,"
        " balance INTEGER NOT NULL CHECK (balance >= 0))"
    )
    db.execute("INSERT INTO account VALUES ('ana', 100), ('ben', 20)")
    db.commit()

    # Move 50 from ben to ana in one transaction: `with db:` commits when the
    # block ends normally and rolls back when a statement in it fails.
    try:
        with db:
            db.execute("UPDATE account SET balance = balance + 50 WHERE name = 'ana'")
            db.execute("UPDATE account SET balance = balance - 50 WHERE name = 'ben'")
    except sqlite3.IntegrityError:
        pass  # ben only has 20: the CHECK refused the second UPDATE
    balance = dict(db.execute("SELECT name, balance FROM account"))
    assert balance["ana"] == 100  # did ana keep the 50 she was credited?

    # A row without a balance breaks NOT NULL. Which exception does sqlite3 raise?
    try:
        db.execute("INSERT INTO account VALUES ('cy', NULL)")
        refused_with = None
    except sqlite3.Error as error:
        refused_with = type(error)
    assert refused_with == sqlite3.IntegrityError  # an exception class of the sqlite3 module


def card_rows_and_columns(db):
    """A row is one record; a column is one named, typed property of every record."""
    db.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, year INTEGER)")
    db.executemany(
        "INSERT INTO book (title, year) VALUES (?, ?)",
        [("Dune", 1965), ("Neuromancer", 1984), ("Hyperion", 1989)],
    )
    cursor = db.execute("SELECT title, year FROM book ORDER BY year")
    columns = [entry[0] for entry in cursor.description]
    rows = cursor.fetchall()

    assert columns == ["title", "year"]  # the column names, as a list
    assert len(rows) == 3  # how many records?
    assert rows[1] == ("Neuromancer", 1984)  # the second record, as Python gives it to you
    assert type(rows[1]) == tuple  # the Python type of one fetched row


def card_normalization(db):
    """Store each fact once: then changing it means changing one row."""
    # Not normalised: the customer's city is copied onto every one of her orders.
    db.execute(
        "CREATE TABLE flat_order (id INTEGER PRIMARY KEY, customer TEXT, city TEXT, item TEXT)"
    )
    db.executemany(
        "INSERT INTO flat_order (customer, city, item) VALUES (?, ?, ?)",
        [
            ("ana", "Lisbon", "lamp"),
            ("ana", "Lisbon", "desk"),
            ("ana", "Lisbon", "chair"),
            ("ben", "Oslo", "pen"),
        ],
    )
    # ana moves to Porto.
    changed = db.execute("UPDATE flat_order SET city = 'Porto' WHERE customer = 'ana'").rowcount
    assert changed == 3  # how many rows had to change?

    # Normalised: the city lives in `customer`; an order points to its customer by key.
    db.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT UNIQUE, city TEXT)")
    db.execute(
        "CREATE TABLE customer_order ("
        " id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer (id), item TEXT)"
    )
    db.execute(
        "INSERT INTO customer (name, city)"
        " SELECT DISTINCT customer, city FROM flat_order ORDER BY customer"
    )
    db.execute(
        "INSERT INTO customer_order (customer_id, item)"
        " SELECT customer.id, flat_order.item FROM flat_order"
        " JOIN customer ON customer.name = flat_order.customer"
    )
    # ana moves again, to Braga.
    changed = db.execute("UPDATE customer SET city = 'Braga' WHERE name = 'ana'").rowcount
    assert changed == 1  # and now?

    # A JOIN still gives every order its customer's city.
    cities = db.execute(
        "SELECT DISTINCT customer.city FROM customer_order"
        " JOIN customer ON customer.id = customer_order.customer_id"
        " WHERE customer.name = 'ana'"
    ).fetchall()
    assert cities == [("Braga",)]  # a list of rows


def card_schema(db):
    """The schema describes the data: tables, views, columns, types and keys."""
    db.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE book ("
        " id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER REFERENCES author (id))"
    )
    db.execute("CREATE VIEW title_list AS SELECT title FROM book")

    # SQLite keeps its own schema in a table, sqlite_master.
    objects = db.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()
    assert objects == [("table", "author"), ("table", "book"), ("view", "title_list")]

    # PRAGMA table_info: one row per column, (cid, name, type, notnull, default, pk).
    columns = db.execute("PRAGMA table_info(book)").fetchall()
    assert [column[1] for column in columns] == ["id", "title", "author_id"]  # the column names
    assert [column[2] for column in columns] == ["INTEGER", "TEXT", "INTEGER"]
    assert [column[1] for column in columns if column[5]] == ["id"]  # the primary key's columns


def card_index(db):
    """An index lets a query find rows by a column's value without reading the whole table."""
    db.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT, name TEXT)")
    db.executemany(
        "INSERT INTO person (email, name) VALUES (?, ?)",
        [(f"user{number}@example.com", f"user {number}") for number in range(2000)],
    )
    query = "SELECT name FROM person WHERE email = 'user7@example.com'"

    def plan():
        """How SQLite means to run the query: the detail column of EXPLAIN QUERY PLAN."""
        return " ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + query))

    assert plan().split()[0] == "SCAN"  # no index yet: every row is read

    # Create an index named person_email that serves the query above.
    # The statement is cut after the index name: add ON, the table and the column in brackets.
    db.execute("CREATE INDEX person_email " + "ON person (email)")

    assert "INDEX person_email" in plan()  # the plan now uses the index...
    assert plan().split()[0] == "SEARCH"  # ...and what replaces SCAN?
    assert db.execute(query).fetchone() == ("user 7",)  # the answer itself does not change
