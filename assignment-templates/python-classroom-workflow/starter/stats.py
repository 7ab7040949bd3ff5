def mean(values):
    if not values:
        raise ValueError("mean of an empty list")
    return sum(values) / len(values)


def median(values):
    # TODO
    return None


def mode(values):
    # TODO
    return None
