"""Exact values printed in the real seed documents, which several test modules assert."""

# Nakhon Ratchasima City, fiscal year 2564, seed 002: indicators 1–10 (published overall 92.9, grade A)
NKR_2564 = {
    "1": 93.31,
    "2": 87.74,
    "3": 88.90,
    "4": 87.93,
    "5": 89.07,
    "6": 88.64,
    "7": 87.34,
    "8": 84.83,
    "9": 100.00,
    "10": 100.00,
}
