// Keyboard help that Blazor and MudBlazor leave to the page: the skip link, and focus back where it was when a dialog closes.
(() => {
    // Print buttons: the content security policy allows no inline handlers, so a [data-print] button prints from here.
    document.addEventListener('click', event => {
        if (event.target instanceof Element && event.target.closest('[data-print]')) {
            event.preventDefault();
            window.print();
        }
    });

    // The skip link jumps to the page's content without a navigation (a "#…" link would go to the home page under <base href="/">).
    document.addEventListener('click', event => {
        const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
        if (!link) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        const main = document.getElementById('main-content');
        if (main) {
            main.focus();
            main.scrollIntoView();
        }
    }, true);

    // The control that opened a dialog gets the focus back when the dialog closes (Escape, 取消 or 保存).
    let lastOutside = null;
    document.addEventListener('focusin', event => {
        if (event.target instanceof Element && !event.target.closest('.mud-dialog-container, .mud-popover')) {
            lastOutside = event.target;
        }
    });
    let open = 0;
    new MutationObserver(() => {
        const now = document.querySelectorAll('.mud-dialog').length;
        if (open > 0 && now === 0 && lastOutside && lastOutside.isConnected) {
            lastOutside.focus();
        }
        open = now;
    }).observe(document.body, { childList: true, subtree: true });
})();
