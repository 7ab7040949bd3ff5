unit = input("Enter a unit (C or F): ").strip().upper()
value = float(input("Enter a temperature: "))
if unit == "C":
    print(f"{value * 9 / 5 + 32:.1f} F")
elif unit == "F":
    print(f"{(value - 32) * 5 / 9:.1f} C")
else:
    print(f"Unknown unit: {unit}")
