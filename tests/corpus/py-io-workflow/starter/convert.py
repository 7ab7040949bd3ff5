# TODO: convert between Celsius and Fahrenheit.
unit = input("Enter a unit (C or F): ").strip().upper()
value = float(input("Enter a temperature: "))
if unit == "C":
    print(f"{value * 9 / 5 + 32:.1f} F")
else:
    print("not done yet")
