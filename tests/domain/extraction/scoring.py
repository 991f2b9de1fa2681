"""Event matching as the reference scorer does it (codebook "Scoring"), for the golden test."""

from __future__ import annotations

import math
from typing import Any

NEAR_KM = 50.0
Json = dict[str, Any]


def _km(a: Json, b: Json) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same_place(pred: Json | None, gold: Json | None) -> bool | None:
    if not pred or not gold:
        return None
    km = _km(pred, gold)
    if km is not None:
        return km <= NEAR_KM
    return bool(pred.get("name")) and str(pred["name"]).casefold() == str(gold.get("name", "")).casefold()


def _codes(pred: Json) -> set[str]:
    return {str(a["code"]) for a in pred.get("actors") or [] if a.get("code")}


def _date_ok(pred: Json, gold: Json) -> bool | None:
    want = gold.get("occurred")
    if not want:
        return None
    got = pred.get("occurred") or {}
    start, end = got.get("start"), got.get("end") or got.get("start")
    if not start:
        return False
    return str(start)[:10] <= want["end"] and str(end)[:10] >= want["start"]


def compatible(pred: Json, gold: Json, strict: bool) -> bool:
    if pred.get("type") != gold["type"]:
        return False
    place = _same_place(pred.get("location"), gold.get("location"))
    if place is False or (strict and gold.get("location") and not place):
        return False
    p_codes, g_codes = _codes(pred), set(gold.get("actors") or [])
    if p_codes and g_codes and not p_codes & g_codes:
        return False
    if strict and g_codes and not p_codes & g_codes:
        return False
    return not (strict and _date_ok(pred, gold) is False)


def _affinity(pred: Json, gold: Json) -> float:
    bonus = 2.0 if _same_place(pred.get("location"), gold.get("location")) else 0.0
    return bonus + len(_codes(pred) & set(gold.get("actors") or []))


def match(preds: list[Json], golds: list[Json], strict: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) of one article; optional gold events neither reward nor punish."""
    pairs = sorted(
        (1 if g.get("optional") else 0, -_affinity(p, g), pi, gi)
        for pi, p in enumerate(preds)
        for gi, g in enumerate(golds)
        if compatible(p, g, strict)
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    tp = 0
    for _, _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        tp += 0 if golds[gi].get("optional") else 1
    fp = len(preds) - len(used_p)
    fn = sum(1 for i, g in enumerate(golds) if i not in used_g and not g.get("optional"))
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0
