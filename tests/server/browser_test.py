#!/usr/bin/env python3
"""The page as a person uses it, in a real browser (headless Chromium through chromedriver): ask the
leukopenia question with the keyboard and see a passage from its causes laid out as the site's articles are,
ask "How is it treated?" in the follow-up box and see a treatment passage, follow a citation to its
reference, narrow the answer with a section filter, read it at a phone's width, and see markup in a
question shown as text. Screenshots go to --screenshots."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    sys.exit("browser test: python3-selenium is missing (scripts/install-deps.sh installs it)")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SITE_ORDER = ["From the Guidelines", "From the FDA Drug Label", "From the Research", "More"]


def fail(message):
    raise AssertionError(message)


def check(condition, message):
    if not condition:
        fail(message)


def start_server(medsearch, db):
    server = subprocess.Popen([medsearch, "serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "2"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline().strip()
    if not line.startswith("listening on "):
        server.kill()
        fail("serve did not start: " + line + server.stderr.read())
    return server, line[len("listening on "):]


def browser():
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(program):
            sys.exit("browser test: " + program + " is missing (Debian chromium and chromium-driver; scripts/install-deps.sh)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_for_answer(driver, question):
    """Waits until the answer to `question` is on the page (its title shows it and the status is empty)."""
    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.ID, "answer-title").text == question and d.find_element(By.ID, "status").text == "")


def passages(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#sections .passage")


def headings(driver, level):
    return [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#sections " + level)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--medsearch", required=True)
    parser.add_argument("--corpus", required=True, help="the folder of articles to index (corpus/articles)")
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)

    with tempfile.TemporaryDirectory() as scratch:
        db = os.path.join(scratch, "db")
        subprocess.run([args.medsearch, "index", "--db", db, args.corpus], check=True, stdout=subprocess.DEVNULL)
        server, url = start_server(args.medsearch, db)
        driver = browser()
        try:
            run(driver, url, args.screenshots)
        finally:
            driver.quit()
            server.terminate()
            code = server.wait(timeout=30)
        check(code == 0, "serve exited %d after SIGTERM" % code)
    print("browser test passed; screenshots in " + args.screenshots)


def run(driver, url, screenshots):
    driver.get(url)
    check(driver.title == "medsearch", "the page did not load: " + driver.title)

    # The keyboard alone: Tab reaches the search box (after the skip link), Enter asks.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    body_focus = driver.switch_to.active_element
    body_focus.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "question", "Tab does not reach the search box")
    question = "What is the cause of leukopenia?"
    driver.switch_to.active_element.send_keys(question, Keys.ENTER)
    wait_for_answer(driver, question)

    # The answer is laid out like the seed article: the site's sections in order, sub-headings, bullets,
    # highlighted words, citation numbers.
    sections = headings(driver, "h2")
    check(sections and sections == [s for s in SITE_ORDER if s in sections], "sections out of the site's order: %s" % sections)
    check("From the Research" in sections, "no research section: %s" % sections)
    check("Definition and Causes of Leukopenia" in headings(driver, "h3"), "no passage from the causes: %s" % headings(driver, "h3"))
    causes = [p.text for p in passages(driver) if "abnormal reduction of circulating white blood cells" in p.text]
    check(causes, "the passage on the causes is not shown")
    check(driver.find_elements(By.CSS_SELECTOR, "#sections ul li.passage"), "no bullets")
    lead_ins = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#sections p.lead-in")]
    check(any(text.endswith(":") for text in lead_ins), "no list shown under the sentence that introduces it: %s" % lead_ins)
    # The list of causes whole, though only some of its bullets ranked.
    check(any(p.text.startswith("Viral infections") for p in passages(driver)), "the list of causes is not shown whole")
    check(driver.find_elements(By.CSS_SELECTOR, "#sections mark"), "no highlighted words")
    check(any(m.text.lower() == "leukopenia" for m in driver.find_elements(By.CSS_SELECTOR, "#sections mark")), "leukopenia not highlighted")
    check(driver.find_element(By.ID, "follow-up-title").text == "Have a follow-up question?", "no follow-up box")
    driver.save_screenshot(os.path.join(screenshots, "1-answer.png"))

    # A citation number leads to its reference, and the focus follows.
    citation = driver.find_element(By.CSS_SELECTOR, "#sections sup.citation a")
    target = citation.get_attribute("href").split("#", 1)[1]
    citation.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.switch_to.active_element.get_attribute("id") == target)
    reference = driver.find_element(By.ID, target)
    check(reference.is_displayed(), "the reference is not shown")
    check(driver.execute_script("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", reference),
          "the reference is not scrolled into view")
    check(reference.text.startswith("[" + citation.text + "]"), "the reference is not number " + citation.text + ": " + reference.text)
    driver.save_screenshot(os.path.join(screenshots, "2-reference.png"))

    # The follow-up box continues the conversation: "it" is leukopenia.
    follow_up = driver.find_element(By.ID, "follow-up-question")
    follow_up.send_keys("How is it treated?", Keys.ENTER)
    wait_for_answer(driver, "How is it treated?")
    check("leukopenia" in driver.find_element(By.ID, "conversation-note").text, "the follow-up was not understood in context")
    treated = [p.text for p in passages(driver) if "treat" in p.text.lower()]
    check(treated, "no treatment passage")
    check(driver.switch_to.active_element.get_attribute("id") == "answer-title", "the focus did not move to the new answer")
    driver.save_screenshot(os.path.join(screenshots, "3-follow-up.png"))

    # A section filter from the facets narrows the answer, from the keyboard (Enter opens the filters,
    # Space ticks the box).
    driver.find_element(By.CSS_SELECTOR, "#filters summary").send_keys(Keys.ENTER)
    box = driver.find_element(By.CSS_SELECTOR, "#section-filters input[value='from-the-research']")
    box.send_keys(Keys.SPACE)
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "status").text == "" and headings(d, "h2") == ["From the Research"])
    box = driver.switch_to.active_element
    check(box.get_attribute("value") == "from-the-research" and box.is_selected(), "the focus left the ticked filter")
    driver.save_screenshot(os.path.join(screenshots, "4-filtered.png"))

    # At a phone's width nothing runs off the side.
    driver.set_window_size(375, 812)
    time.sleep(0.3)
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    check(width[0] <= width[1], "the page is wider than the phone: %s" % width)
    driver.save_screenshot(os.path.join(screenshots, "5-phone.png"))
    driver.set_window_size(1280, 1400)

    # Markup in a question is shown as text, never run.
    hostile = "<img src=x onerror=\"document.title='owned'\"> leukopenia <b>bold</b>"
    search = driver.find_element(By.ID, "question")
    search.clear()
    search.send_keys(hostile, Keys.ENTER)
    wait_for_answer(driver, hostile)
    check(driver.title == "medsearch", "markup in the question ran")
    check(not driver.find_elements(By.CSS_SELECTOR, "#answer img, #answer b"), "markup in the question became elements")
    driver.save_screenshot(os.path.join(screenshots, "6-escaped.png"))

    # The console saw no errors (a refused policy, a failed script).
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, "browser errors: " + json.dumps(errors))


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        sys.exit("browser test: " + str(error))
