"""model/colours.py: colour arithmetic and the WCAG contrast rule a palette must meet."""

from __future__ import annotations

import pytest
from publisher.model.colours import (
    MIN_TEXT_CONTRAST,
    SLATE_BACKGROUND,
    WHITE,
    contrast,
    luminance,
    mix,
    primary_problem,
    readable_on,
)


def test_luminance_of_black_and_white() -> None:
    assert luminance("#000000") == 0.0
    assert luminance("#ffffff") == pytest.approx(1.0)


def test_contrast_is_the_wcag_ratio_in_either_order() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, "#000000") == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)
    # The WCAG boundary: #767676 on white passes AA, #777777 does not.
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)


def test_mix_moves_each_channel_by_the_weight() -> None:
    assert mix("#000000", WHITE, 0.5) == "#808080"
    assert mix("#1d4f7c", WHITE, 0.25) == "#567b9d"
    assert mix("#1d4f7c", WHITE, 0) == "#1d4f7c"
    assert mix("#1d4f7c", WHITE, 1) == "#ffffff"


def test_readable_on_returns_the_nearest_readable_shade() -> None:
    shade = readable_on("#1d4f7c", SLATE_BACKGROUND, WHITE)
    assert shade == "#6c8daa"
    assert contrast(shade, SLATE_BACKGROUND) >= MIN_TEXT_CONTRAST + 0.1
    assert mix("#1d4f7c", WHITE, 0.35) == shade  # 35 steps of 100 towards white
    one_step_less = mix("#1d4f7c", WHITE, 0.34)
    assert contrast(one_step_less, SLATE_BACKGROUND) < MIN_TEXT_CONTRAST + 0.1


def test_readable_on_keeps_a_colour_that_is_readable_already() -> None:
    assert readable_on("#000000", WHITE, WHITE) == "#000000"


def test_readable_on_falls_back_to_the_target_when_no_shade_is_readable() -> None:
    assert readable_on(WHITE, WHITE, WHITE) == WHITE


def test_primary_problem_accepts_a_dark_primary() -> None:
    assert primary_problem("#1d4f7c") is None
    assert primary_problem("#767676") is None


def test_primary_problem_explains_a_light_primary() -> None:
    assert primary_problem("#ffcc00") == ("primary colour #ffcc00 gives white header text a contrast of 1.51:1 "
                                          "(WCAG AA needs 4.5:1); choose a darker colour")
    assert primary_problem("#777777") == ("primary colour #777777 gives white header text a contrast of 4.48:1 "
                                          "(WCAG AA needs 4.5:1); choose a darker colour")
