// «Печать» buttons: hidden without JavaScript (the browser's own print works anyway), shown and wired here.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
});
