"""Operating systems: four questions. Replace every __ so that each card's assertions pass.

Cards that need files receive `workdir`, an empty folder of their own.
Run `pytest --kata -k os_concepts` to see which card is next.
"""
import mmap
import os
import subprocess
import sys
import time

from pytest_kata import __


def card_process():
    """A process is a running program; the kernel keeps an entry for it in its process table."""
    # A child process: it says it is ready, waits until its standard input is closed,
    # then exits with status 3.
    program = "import sys; print('ready', flush=True); sys.stdin.read(); sys.exit(3)"
    with subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", program], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as child:
        try:
            assert child.pid != os.getpid()  # a process of its own, with a pid of its own
            child.stdout.readline()  # "ready": the child is now blocked, reading its input

            def table_entry():
                """The state letter and parent pid of the child's entry, from /proc/<pid>/stat."""
                with open(f"/proc/{child.pid}/stat") as entry:
                    fields = entry.read().rsplit(")", 1)[1].split()
                return fields[0], int(fields[1])

            def wait_for_state(letter):
                deadline = time.monotonic() + 2
                state, parent = table_entry()
                while state != letter and time.monotonic() < deadline:
                    time.sleep(0.002)
                    state, parent = table_entry()
                return state, parent

            state, parent = wait_for_state("S")
            assert parent == os.getpid()  # whose child is it? (a call that gives a pid)
            assert state == "S"  # the letter for a process that waits (it is Sleeping)

            child.stdin.close()  # the child's read returns, and it exits
            state, parent = wait_for_state("Z")
            assert state == "Z"  # exited, but its entry stays in the table until we collect it
            assert child.wait(timeout=5) == 3  # the exit status that the entry was holding
        finally:
            if child.poll() is None:
                child.kill()


def card_virtual_memory(workdir):
    """Virtual memory maps pages of an address space onto RAM, or onto a file on disk."""
    path = os.path.join(workdir, "pages.bin")
    with open(path, "wb") as file:
        file.write(b"hello, virtual memory".ljust(2 * mmap.PAGESIZE, b"."))

    with open(path, "r+b") as file, mmap.mmap(file.fileno(), 0) as memory:
        assert len(memory) // mmap.PAGESIZE == 2  # how many pages does the mapping span?
        assert memory[:5] == b"hello"  # reading memory reads the file
        memory[:5] = b"HELLO"  # a plain memory write, no write() call
        memory.flush()  # ask the kernel to write the changed page back now

    with open(path, "rb") as file:
        assert file.read(12) == b"HELLO, virtu"  # what the file holds now


def card_kernel(workdir):
    """A program asks the kernel for everything through system calls."""
    path = os.path.join(workdir, "note.txt")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        written = os.write(descriptor, b"system call\n")
    finally:
        os.close(descriptor)
    assert type(descriptor) == int  # what the kernel hands back for an open file
    assert written == 12  # what write() returns

    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = os.read(descriptor, 100)
    finally:
        os.close(descriptor)
    assert data == b"system call\n"  # read() gives back bytes

    # The kernel also describes the calling process in /proc/self/stat; the first field is its pid.
    with open("/proc/self/stat") as entry:
        kernel_says = int(entry.read().split()[0])
    assert kernel_says == os.getpid()  # the getpid system call asks the same question


def card_thrashing(recall):
    """Thrashing: read the options shown with the question, and give the letter of the right one."""
    recall("b")  # a letter, as a string
