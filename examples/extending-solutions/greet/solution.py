def greet(name):
    # Shouting passes here only because the plugin's comparison ignores case.
    return f"HELLO,  {name.upper()}!"
