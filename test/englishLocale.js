// Messages follow the locale (LC_ALL, LC_MESSAGES, LANG). Tests assert the English ones unless they
// ask for another language, so a developer's Chinese terminal must not change what they see; the
// commands the tests start inherit this too.
process.env.LC_ALL = "C.UTF-8";
