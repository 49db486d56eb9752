console.log('bench pending')
