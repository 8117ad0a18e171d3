"""XML-level mutations for the parts inside .docx and .odt files: text damage (which the XML parser
must refuse cleanly) and tree damage that stays well-formed (which the document readers must survive)."""

from __future__ import annotations

import random
import re

EXTREME_NUMBERS = [b"0", b"-1", b"-2147483649", b"2147483648", b"99999999999999999999", b"1e308", b"NaN", b""]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def mutate_xml(xml: bytes, rng: random.Random) -> bytes:
    tags = [m.span() for m in re.finditer(rb"<[^<>]{1,200}>", xml)]
    numbers = [m.span(1) for m in re.finditer(rb'="(-?\d+)"', xml)]
    choice = rng.randrange(6)
    if choice == 0 and numbers:
        start, end = rng.choice(numbers)
        return xml[:start] + rng.choice(EXTREME_NUMBERS) + xml[end:]
    if choice == 1 and tags:
        start, end = rng.choice(tags)
        return xml[:start] + xml[end:]  # an unbalanced tree
    if choice == 2 and len(tags) > 2:
        a, b = sorted(rng.sample(range(len(tags)), 2))
        segment = xml[tags[a][0] : tags[b][1]]
        return xml[: tags[b][1]] + segment * rng.randint(1, 50) + xml[tags[b][1] :]
    if choice == 3 and tags:
        start, end = rng.choice(tags)
        opening = xml[start:end]
        name = re.match(rb"<(/?)([\w:.-]+)", opening)
        if name and not name.group(1) and not opening.endswith(b"/>"):
            depth = rng.choice((50, 255, 300, 2000))
            closing = b"</" + name.group(2) + b">"
            return xml[:start] + opening * depth + xml[start:end] + closing * depth + xml[end:]
    if choice == 4 and tags:
        start, end = rng.choice(tags)
        junk = rng.choice(
            [b'"', b"&", b"&bogus;", b"<", b"\x00", b"\xff\xfe", b"]]>", "\u202e".encode(), b"<!--"]
        )
        return xml[:end] + junk + xml[end:]
    return _truncate(xml, rng) if xml else xml


def mutate_tree(xml: bytes, rng: random.Random) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    elements = [node for node in root.iter() if isinstance(node.tag, str)]
    node = rng.choice(elements[1:] or elements)
    attributes = sorted({key for element in elements for key in element.attrib})
    choice = rng.randrange(7)
    if choice == 0 and node.getparent() is not None:
        node.getparent().remove(node)
    elif choice == 1 and node.getparent() is not None:
        for _ in range(rng.choice((1, 2, 10, 200))):
            node.addnext(etree.fromstring(etree.tostring(node)))
    elif choice == 2:
        target = rng.choice(elements)
        if target is not node and node not in target.iterancestors():
            target.insert(rng.randint(0, len(target)), node)
    elif choice in (3, 4) and attributes:
        key = rng.choice(sorted(node.attrib) if choice == 3 and node.attrib else attributes)
        node.set(
            key, rng.choice([b.decode() for b in EXTREME_NUMBERS] + ["1", "2", "9", "abc", "‮", "x" * 1000])
        )
    elif choice == 5 and node.getparent() is not None:
        outer = node
        for _ in range(rng.choice((5, 50, 250))):
            wrapper = etree.Element(outer.tag)
            outer.addprevious(wrapper)
            wrapper.append(outer)
    else:
        node.tag = rng.choice(elements).tag
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
