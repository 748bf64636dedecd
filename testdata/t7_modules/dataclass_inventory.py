"""An inventory of items kept in dataclasses."""
from dataclasses import dataclass, field, asdict
from typing import List, Dict


@dataclass
class Item:
    """One line of stock."""
    sku: str
    name: str
    unit_price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list)

    def total(self) -> float:
        return self.unit_price * self.quantity


@dataclass
class Inventory:
    items: Dict[str, Item] = field(default_factory=dict)

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            self.items[item.sku].quantity += item.quantity
        else:
            self.items[item.sku] = item

    def remove(self, sku: str, n: int) -> bool:
        it = self.items.get(sku)
        if it is None or it.quantity < n:
            return False
        it.quantity -= n
        return True

    def value(self) -> float:
        return sum(i.total() for i in self.items.values())

    def by_tag(self, tag: str) -> List[str]:
        return sorted(i.name for i in self.items.values() if tag in i.tags)


inv = Inventory()
inv.add(Item("A1", "widget", 2.5, 10, ["tools"]))
inv.add(Item("B2", "gadget", 13.0, 3, ["tools", "electronics"]))
inv.add(Item("A1", "widget", 2.5, 5))
inv.add(Item("C3", "cable", 1.25, 40, ["electronics"]))
print(inv.items["A1"])
print(inv.remove("A1", 4), inv.remove("B2", 7))
print(f"{inv.value():.2f}")
print(inv.by_tag("electronics"), inv.by_tag("tools"))
print(asdict(inv)["items"]["C3"])
print(Item.__doc__)
print(Inventory.__doc__)
print(Item("Z", "z", 1.0) == Item("Z", "z", 1.0), Item("Z", "z", 1.0) == Item("Z", "z", 2.0))
print(repr(Inventory()))
